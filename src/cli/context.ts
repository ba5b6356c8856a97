/** What every command module gets: where to print, and how to set the exit code. */
export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** True when stderr is an interactive terminal (progress display). */
  isTTY?: boolean
}

export interface CliContext {
  io: CliIO
  /** Records the command's exit code (0 ok, 1 content errors, 2 usage errors). */
  exit: (code: number) => void
}
