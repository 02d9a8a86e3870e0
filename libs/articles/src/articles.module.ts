import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticleEditor } from './article-editor.service';
import { ArticleRepository } from './article.repository';
import { ArticlesController } from './articles.controller';
import { ExtractController } from './extract.controller';
import { ArticlesService } from './articles.service';
import { ArticleSourceEntity } from './entities/article-source.entity';
import { ArticleEntity } from './entities/article.entity';
import { DocumentEntity } from './entities/document.entity';
import { SeedLoader } from './seed-loader.service';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity, ArticleEntity, ArticleSourceEntity])],
  controllers: [ArticlesController, ExtractController],
  providers: [ArticleRepository, ArticlesService, ArticleEditor, SeedLoader],
  exports: [ArticlesService, SeedLoader],
})
export class ArticlesModule {}
