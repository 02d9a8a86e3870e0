export * from './claims.module';
export * from './claims.service';
export * from './claims.errors';
export * from './verdicts';
export * from './dto/claim.dto';
export { ClaimRepository } from './claim.repository';
