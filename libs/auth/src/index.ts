export * from './auth.module';
export * from './api-keys.service';
export * from './audit.service';
export * from './auth.errors';
export * from './dto/api-key.dto';
