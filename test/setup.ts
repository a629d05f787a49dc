import { capturePurgeLines } from './support/purge-log'

capturePurgeLines()
