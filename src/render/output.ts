/** One file of the published output, in memory until `publish` writes it. */
export interface OutputFile {
  /** Forward-slash path inside dist/, like `juniper-and-lye/en/returns.html`. */
  path: string;
  contents: string;
}
