import { Module } from '@nestjs/common';
import { ShownRevisions } from './shown-revisions';

/** What reads and writes share about consistency (SPEC §8): the ETag a read shows. */
@Module({ providers: [ShownRevisions], exports: [ShownRevisions] })
export class ConsistencyModule {}
