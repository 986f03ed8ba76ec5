/**
 * Decides whether a policy file's bytes are UTF-8 text, and when they are not, says
 * where and what they most likely are, so the owner knows how to save the file again.
 */

export interface TextProblem {
  message: string;
  hint?: string;
  line: number;
  column: number;
}

/**
 * The text of a file, or why it is not UTF-8 text (with the position of the first bad byte).
 * @param bytes the file as read from disk
 */
export function textProblem(bytes: Uint8Array): { text: string } | { problem: TextProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: { message: 'is saved as UTF-16 text, not UTF-8.', hint: 'Save the file again with the encoding set to UTF-8.', line: 1, column: 1 } };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = positionAfter(bytes.subarray(0, bad));
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    const nulls = bytes.subarray(0, 4096).filter((b) => b === 0).length;
    return {
      problem: {
        message: nulls > 0 ? 'is binary data, not text.' : `is not UTF-8 text: the byte 0x${byte} on line ${line} is not valid UTF-8.`,
        hint:
          nulls > 0
            ? 'Check that the right file is in the policies folder; a policy file is plain text.'
            : 'The file was probably saved as Latin-1 or Windows-1252; save it again with the encoding set to UTF-8.',
        line,
        column,
      },
    };
  }
  // A byte-order mark is harmless; TextDecoder drops it so positions stay right.
  const text = new TextDecoder('utf-8').decode(bytes);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = positionAfter(new TextEncoder().encode(text.slice(0, nul)));
    return { problem: { message: 'is binary data, not text: it contains a NUL character.', hint: 'Check that the right file is in the policies folder; a policy file is plain text.', line, column } };
  }
  return { text };
}

/** Offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (length > 1) {
      const second = bytes[i + 1];
      if (second === undefined) return i;
      // The second byte's range excludes overlong forms and surrogates (RFC 3629 §4).
      const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      if (second < low || second > high) return i;
      for (let k = 2; k < length; k++) {
        const next = bytes[i + k];
        if (next === undefined || next < 0x80 || next > 0xbf) return i;
      }
    }
    i += length;
  }
  return -1;
}

/** 1-based line and column just after some valid UTF-8 bytes. */
function positionAfter(valid: Uint8Array): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(valid);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}
