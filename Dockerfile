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
RUN useradd --system --home /app cms && chown cms /app
COPY --from=build /src/target/child-protection-cms-*.jar /app/cms.jar
COPY config /app/config
USER cms
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/cms.jar"]
