import sharp from 'sharp';

/**
 * A camera photo held sideways (EXIF orientation 6: upright it is height × width) with a GPS
 * tag and a camera make, as phones write them. Noise on a gradient, from a fixed seed, so the
 * JPEG is as large as a real photo (a flat colour compresses to nothing).
 */
export async function cameraPhoto({ width = 4000, height = 3000, quality = 90 } = {}): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = ((i / 3) % width) / (width / 250) + (seed % 64);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 10/1 12/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}
