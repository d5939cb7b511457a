// Pre-compresses the built client (dist/) so the server sends brotli or gzip without compressing per request:
// for every text asset over 1 KiB, a .br (quality 11) and a .gz (level 9) beside it, kept only when smaller.
// The server picks one by the request's Accept-Encoding (Spring's EncodedResourceResolver).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../dist/', import.meta.url).pathname;
const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml|map)$/;
let files = 0;
let saved = 0;

function walk(dir) {
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
            walk(path);
        } else if (compressible.test(name) && statSync(path).size > 1024) {
            const content = readFileSync(path);
            const br = brotliCompressSync(content, {
                params: {
                    [constants.BROTLI_PARAM_QUALITY]: 11,
                    [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
            });
            const gz = gzipSync(content, { level: 9 });
            if (br.length < content.length) writeFileSync(`${path}.br`, br);
            if (gz.length < content.length) writeFileSync(`${path}.gz`, gz);
            files++;
            saved += content.length - Math.min(br.length, content.length);
        }
    }
}

walk(root);
console.log(`compressed ${files} files (brotli saves ${Math.round(saved / 1024)} KiB)`);
