# Production image of the app; the database runs in its own container (docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
# osmium-tool reads OpenStreetMap extracts for npm run basemap:import.
RUN apt-get update && apt-get install -y --no-install-recommends osmium-tool && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx tsx scripts/build-web.ts --force
ENV HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
VOLUME /data
EXPOSE 3000
CMD ["npx", "tsx", "server/src/main.ts"]
