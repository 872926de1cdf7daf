/**
 * A fake camera for Chromium (`--use-file-for-fake-video-capture`): a Y4M video whose every
 * frame shows one QR code, drawn here from the text with `qrcode` (the door screen's library).
 */
import { writeFileSync } from 'node:fs';
import { create } from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;

/** Writes a one-frame 640×480 Y4M (4:2:0) of the QR code of `text`, black on white. */
export function writeQrVideo(file: string, text: string) {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  // Four modules of quiet zone on each side, as large as the frame allows.
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (modules.size + 8));
  const left = Math.floor((WIDTH - modules.size * scale) / 2);
  const top = Math.floor((HEIGHT - modules.size * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < modules.size * scale; y++) {
    for (let x = 0; x < modules.size * scale; x++) {
      if (modules.get(Math.floor(x / scale), Math.floor(y / scale)))
        luma[(top + y) * WIDTH + left + x] = 16;
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const header = `YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`;
  writeFileSync(file, Buffer.concat([Buffer.from(header), Buffer.from('FRAME\n'), luma, chroma]));
}

/** Chromium's flags for a camera that shows `file` and needs no permission prompt. */
export const fakeCameraArgs = (file: string) => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${file}`,
];
