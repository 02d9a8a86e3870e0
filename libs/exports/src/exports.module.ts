import { Module } from '@nestjs/common';
import { ClaimsModule } from '@app/claims';
import { QuotesModule } from '@app/quotes';
import { SpeakersModule } from '@app/speakers';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { SheetRepository } from './sheet.repository';

@Module({
  imports: [QuotesModule, ClaimsModule, SpeakersModule],
  controllers: [ExportsController],
  providers: [SheetRepository, ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
