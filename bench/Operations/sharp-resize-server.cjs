// The sharp baseline for bench/Operations: POST /api/v1/resize?width=W&format=jpeg&quality=Q with the image as the
// multipart part "file" (as our Api takes it) -> sharp(input).resize({ width: W }).jpeg({ quality: Q }).
// sharp is not a dependency of this repository; install it outside and point NODE_PATH at it:
//   mkdir -p /tmp/sharp && (cd /tmp/sharp && npm install sharp@0.35)
//   NODE_PATH=/tmp/sharp/node_modules node bench/Operations/sharp-resize-server.cjs 5199
const http = require('node:http');
const sharp = require('sharp');

const port = Number(process.argv[2] ?? 5199);

function filePart(body, contentType) {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType ?? '')?.[1];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  for (let start = body.indexOf(delimiter); start >= 0;) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0 && /name="?file"?/.test(part.subarray(0, headerEnd).toString('latin1'))) {
      return part.subarray(headerEnd + 4);
    }
    start = next;
  }
  return null;
}

http.createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  if (request.method !== 'POST' || url.pathname !== '/api/v1/resize') {
    response.writeHead(404).end();
    return;
  }
  const chunks = [];
  request.on('data', chunk => chunks.push(chunk));
  request.on('end', async () => {
    const input = filePart(Buffer.concat(chunks), request.headers['content-type']);
    if (!input) {
      response.writeHead(400).end('no file part');
      return;
    }
    try {
      const output = await sharp(input)
        .resize({ width: Number(url.searchParams.get('width')) })
        .jpeg({ quality: Number(url.searchParams.get('quality') ?? 80) })
        .toBuffer();
      response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': output.length }).end(output);
    } catch (error) {
      response.writeHead(422).end(String(error));
    }
  });
}).listen(port, '127.0.0.1', () => console.log(`sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}) on http://127.0.0.1:${port}`));
