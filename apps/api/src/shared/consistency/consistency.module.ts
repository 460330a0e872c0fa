import { Module } from '@nestjs/common';
import { ReadYourWrites } from './read-your-writes';
import { ShownRevisions } from './shown-revisions';

/** What reads and writes share about consistency (SPEC §8): the ETag a read shows, read-your-writes. */
@Module({ providers: [ShownRevisions, ReadYourWrites], exports: [ShownRevisions, ReadYourWrites] })
export class ConsistencyModule {}
