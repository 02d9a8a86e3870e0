import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SpeakerAffiliationEntity } from './entities/speaker-affiliation.entity';
import { SpeakerAliasEntity } from './entities/speaker-alias.entity';
import { SpeakerEntity } from './entities/speaker.entity';
import { SpeakerRedirectEntity } from './entities/speaker-redirect.entity';
import { SpeakerRepository } from './speaker.repository';
import { SpeakerResolver } from './speaker-resolver.service';
import { SpeakersController } from './speakers.controller';
import { SpeakersService } from './speakers.service';
import { SpeakerEditor } from './speaker-editor.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SpeakerEntity,
      SpeakerAliasEntity,
      SpeakerAffiliationEntity,
      SpeakerRedirectEntity,
    ]),
  ],
  controllers: [SpeakersController],
  providers: [SpeakerRepository, SpeakerResolver, SpeakersService, SpeakerEditor],
  exports: [SpeakerResolver, SpeakersService, SpeakerEditor],
})
export class SpeakersModule {}
