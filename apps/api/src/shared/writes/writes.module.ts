import { Module } from '@nestjs/common';
import { ConsistencyModule } from '../consistency/consistency.module';
import { WritePipeline } from './write-pipeline';

/** The write pipeline every command runs, with read-your-writes and the ETag rule beside it. */
@Module({
  imports: [ConsistencyModule],
  providers: [WritePipeline],
  exports: [WritePipeline, ConsistencyModule],
})
export class WritesModule {}
