import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const projectRoot = fileURLToPath(new URL("..", import.meta.url));

// The explorer: built into web/dist and served by `cancu serve` at `/`. `vite --config
// web/vite.config.ts` runs a dev server that forwards /graphql to a running cancu (CANCU_API).
export default defineConfig({
  root: webRoot,
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // cytoscape alone is ~450 kB; the page is served locally, so one chunk per page load is fine.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    fs: { allow: [projectRoot] },
    proxy: {
      "/graphql": process.env.CANCU_API ?? "http://127.0.0.1:4000",
      "/documents": process.env.CANCU_API ?? "http://127.0.0.1:4000",
    },
  },
});
