// The tests read the seeds exactly as the `check` command does.
export {
  loadSeedPack,
  readSeedJson,
  readSourceTexts,
  SEEDS_DIR,
  seedPack,
} from '../../scripts/lib/seed-files.ts';
