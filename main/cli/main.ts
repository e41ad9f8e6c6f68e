import { io, runCli } from './index';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    io.err(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
