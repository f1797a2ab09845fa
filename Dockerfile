# Khabar's three services, one image each from this file: SERVICE names the module to build and run
# (ingest-producer, enrich-streams or sink-consumer). Build from the repository root (the Maven reactor needs the
# parent pom, article-model and service-ops):
#   docker build --build-arg SERVICE=enrich-streams -t khabar/enrich-streams .
# docker-compose.yml does exactly that for each service (build.args).

# ---- build stage: the module and the modules it needs, with the project's own Maven build ----
FROM maven:3.9.11-eclipse-temurin-17 AS build
ARG SERVICE
RUN case "$SERVICE" in ingest-producer|enrich-streams|sink-consumer) ;; \
      *) echo "build with --build-arg SERVICE=ingest-producer, enrich-streams or sink-consumer (got '$SERVICE')" >&2; exit 1;; esac
WORKDIR /src
# optional: build through a Maven repository mirror instead of Maven Central (a company proxy, a local cache);
#   docker build --build-arg MAVEN_MIRROR_URL=https://maven.example.com/repo ...
ARG MAVEN_MIRROR_URL=
RUN if [ -n "$MAVEN_MIRROR_URL" ]; then mkdir -p /root/.m2 && printf '%s\n' \
      '<settings><mirrors><mirror><id>khabar-build-mirror</id><mirrorOf>*</mirrorOf>' \
      "<url>$MAVEN_MIRROR_URL</url></mirror></mirrors></settings>" > /root/.m2/settings.xml; fi
# every module's pom, because the parent pom lists all of them; sources only of what is built
COPY pom.xml ./
COPY article-model/pom.xml article-model/
COPY service-ops/pom.xml service-ops/
COPY ingest-producer/pom.xml ingest-producer/
COPY enrich-streams/pom.xml enrich-streams/
COPY sink-consumer/pom.xml sink-consumer/
COPY local-stack/pom.xml local-stack/
COPY consumer-example/pom.xml consumer-example/
COPY benchmarks/pom.xml benchmarks/
COPY article-model/src article-model/src
COPY service-ops/src service-ops/src
COPY ${SERVICE}/src ${SERVICE}/src
RUN mvn -B -DskipTests package -pl ${SERVICE} -am

# ---- runtime stage: a JRE, the fat jar, a non-root user ----
FROM eclipse-temurin:17.0.16_8-jre
ARG SERVICE
LABEL org.opencontainers.image.title="khabar-${SERVICE}"
# /var/lib/khabar/state: enrich-streams' Streams state (RocksDB), on the enrich-state named volume in
# docker-compose.yml; a new volume takes this folder's owner, so the non-root user can write it. The state is
# rebuilt from its changelog topic if lost. The other two services leave the folder (and KHABAR_STATE_DIR) unused.
RUN groupadd --system --gid 10001 khabar \
 && useradd --system --uid 10001 --gid khabar --home-dir /app --no-create-home --shell /usr/sbin/nologin khabar \
 && mkdir -p /app /work /var/lib/khabar/state \
 && chown khabar:khabar /work /var/lib/khabar/state
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/service.jar
# the work folder is bind-mounted by docker-compose.yml; see docs/quickstart-docker.md for its ownership
ENV KHABAR_WORKDIR=/work KHABAR_STATE_DIR=/var/lib/khabar/state
WORKDIR /app
USER 10001:10001
# exec form: java is PID 1 and receives SIGTERM, which stops the service cleanly (shutdown hook)
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
