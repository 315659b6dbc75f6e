# Multi-stage build of the service for docker compose; the build stage runs the same wrapper.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
COPY db db
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:25-jre
WORKDIR /app
RUN useradd --system --home /app cms
COPY --from=build /src/target/child-protection-cms-*.jar /tmp/cms.jar
COPY config /app/config
# Start-up from the JDK's AOT cache (README, "Start faster"): the jar extracted (classes on the class
# path) and a cache of the classes a training run loaded, already parsed and linked. The training
# run starts the context on a throw-away embedded database in /app/data (runners do not run) and
# exits after the refresh; its data and generated keys are removed. A cache the JVM cannot use at
# run time (other JVM flags) is refused with a few [aot] lines and the service starts without it.
RUN java -Djarmode=tools -jar /tmp/cms.jar extract --destination /app/cms \
    && java -XX:AOTCacheOutput=/app/cms/cms.aot -Dspring.context.exit=onRefresh -jar /app/cms/cms.jar \
    && rm -rf /app/data /tmp/cms.jar \
    && chown -R cms /app
USER cms
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=/app/cms/cms.aot", "-jar", "/app/cms/cms.jar"]
