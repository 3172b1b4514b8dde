# One image per service, from this one file: the build argument SERVICE names it (Fetcher, Cleaner, Enricher, Indexer).
# Build context is the repository root:
#   docker build --build-arg SERVICE=Cleaner -t ingestion-cleaner .
# (docker-compose.yml builds the four this way.)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=Fetcher|Cleaner|Enricher|Indexer" >&2; exit 1)
# Published for this image's Linux architecture only (the enricher's ONNX Runtime ships native libraries for every
# platform, ~230 MB). BuildKit sets TARGETARCH (amd64, arm64); without it, x64.
ARG TARGETARCH
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore first, from the project files alone, so that the package layer is cached
# until a project file or a package version changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/Contracts/*.csproj shared/Contracts/
COPY shared/Hosting/*.csproj shared/Hosting/
COPY services/${SERVICE}/Ingestion.${SERVICE}.Domain/*.csproj services/${SERVICE}/Ingestion.${SERVICE}.Domain/
COPY services/${SERVICE}/Ingestion.${SERVICE}/*.csproj services/${SERVICE}/Ingestion.${SERVICE}/
RUN RID=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
    && dotnet restore services/${SERVICE}/Ingestion.${SERVICE}/Ingestion.${SERVICE}.csproj -r "$RID"

# Then the sources (.dockerignore keeps bin/ and obj/ out).
COPY shared/ shared/
COPY services/${SERVICE}/ services/${SERVICE}/
RUN RID=linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64) \
    && dotnet publish services/${SERVICE}/Ingestion.${SERVICE}/Ingestion.${SERVICE}.csproj -c Release -r "$RID" --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG SERVICE
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 SERVICE_DLL=Ingestion.${SERVICE}.dll
EXPOSE 8080
# The image's non-root user.
USER $APP_UID
# exec: dotnet is PID 1 and gets SIGTERM itself (the graceful shutdown).
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$SERVICE_DLL\""]
