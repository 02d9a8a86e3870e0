export * from './exports.module';
export * from './exports.service';
export * from './claim-review';
export * from './sheet-row';
export * from './dto/export-query.dto';
export { neutralise, neutralisedSql } from './formula-cells';
export { sqlLiteral } from './csv-sheet.sql';
