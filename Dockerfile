# SIPEDAKI: API + built SPA in one image. Build: docker build -t sipedaki .
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@10
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json jest.swc.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/sop/package.json packages/sop/
COPY prisma prisma
COPY apps/api/prisma.config.ts apps/api/
COPY apps/api/src/db/pg-adapter.ts apps/api/src/db/
# pnpm applies patches/ (patchedDependencies in package.json) while it installs.
COPY patches patches
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @sipedaki/web build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
EXPOSE 4000
USER node
CMD ["pnpm", "--filter", "@sipedaki/api", "start"]
