/** Reading the door's QR code from a camera: the browser's BarcodeDetector, or jsQR. */
import i18next from 'i18next';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

/** A decoder of one video frame: the QR code's text, or undefined when none is in sight. */
export type FrameDecoder = (video: HTMLVideoElement) => Promise<string | undefined>;

async function nativeDecoder(): Promise<FrameDecoder | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return undefined;
  try {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue;
  } catch {
    // Present but without QR support (some desktop builds).
    return undefined;
  }
}

async function jsQrDecoder(): Promise<FrameDecoder> {
  // Loaded only where the browser cannot read QR codes itself.
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return undefined;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height)?.data;
  };
}

export async function createFrameDecoder(): Promise<FrameDecoder> {
  return (await nativeDecoder()) ?? jsQrDecoder();
}

/**
 * The check-in link a door code holds, as a path in this app (`/events/3/check-in?token=…`),
 * or undefined when the code is something else. Only the path and token are kept: a code that
 * points at another site never navigates there.
 */
export function checkInPath(text: string, origin = window.location.origin): string | undefined {
  let url: URL;
  try {
    url = new URL(text, origin);
  } catch {
    return undefined;
  }
  const match = /^\/events\/(\d+)\/check-in$/.exec(url.pathname);
  const token = url.searchParams.get('token');
  if (!match || !token) return undefined;
  return `/events/${match[1]}/check-in?token=${encodeURIComponent(token)}`;
}

/** What to tell the dancer when the camera does not open (in the app's language). */
export function cameraErrorMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return i18next.t('checkIn.cameraError.refused');
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return i18next.t('checkIn.cameraError.notFound');
  if (name === 'NotReadableError') return i18next.t('checkIn.cameraError.busy');
  return i18next.t('checkIn.cameraError.failed');
}
