export * from './speakers.module';
export * from './speakers.service';
export * from './speaker-resolver.service';
export * from './speaker-quotes.port';
export * from './speakers.errors';
export * from './name-key';
export * from './dto/speaker.dto';
