import 'reflect-metadata';
import { Module, Controller, Get } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { hello } from '@app/core';

@Controller()
class C { @Get() get() { return { hello: hello() }; } }
@Module({ controllers: [C] })
export class AppModule {}

async function main() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3999);
  console.log('listening');
}
if (require.main === module) void main();
