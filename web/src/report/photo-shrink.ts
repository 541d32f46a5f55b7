// What a photo becomes before it is stored on the phone and sent: small enough to go up on a
// slow connection (about 3 s at 100 KB/s), still sharp enough to read a street sign.
export const photoTarget = { longSideMax: 1600, bytesMax: 300 * 1024 };

// JPEG qualities tried in turn; below the last one the photo is made smaller instead.
const qualities = [0.82, 0.72, 0.62, 0.52];

function encode(bitmap: ImageBitmap, scale: number, quality: number): Promise<Blob> {
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  // A transparent PNG would otherwise turn black where JPEG has no alpha.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/**
 * The photo redrawn as a JPEG of at most 1600 px on its long side and 300 KB. Drawing it upright
 * (the EXIF orientation applied) and encoding only the pixels leaves every metadata block
 * behind, the GPS position among them. A photo the browser cannot decode (HEIC in most
 * browsers) is returned as it is: the server converts it and strips its metadata.
 */
export async function shrinkPhoto(photo: File): Promise<File> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  } catch {
    return photo;
  }
  try {
    let scale = Math.min(1, photoTarget.longSideMax / Math.max(bitmap.width, bitmap.height));
    for (;;) {
      for (const quality of qualities) {
        const blob = await encode(bitmap, scale, quality);
        if (blob.size <= photoTarget.bytesMax) {
          const name = photo.name.replace(/\.[^.]*$/, '') + '.jpg';
          return new File([blob], name, { type: 'image/jpeg', lastModified: photo.lastModified });
        }
      }
      scale *= 0.8;
    }
  } finally {
    bitmap.close();
  }
}
