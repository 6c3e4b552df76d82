// Entry point of the `smtp-doctor` command-line tool.
async function main(argv: string[]): Promise<number> {
  process.stderr.write(`smtp-doctor: unknown command ${argv[0] ?? ''}\n`);
  return 2;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
