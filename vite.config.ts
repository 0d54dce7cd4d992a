import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// BASE_URL lets the static build live under any sub-path (a project page, a course site).
export default defineConfig({
  base: process.env['BASE_PATH'] ?? './',
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
