#!/usr/bin/env python3
"""Start-up of the packaged service against a bare Boot jar with the same dependencies (issue 19 item 7).

Builds (offline, from ~/.m2) a bare Spring Boot project under target/startup-bench/bare whose pom has
the service's parent, BOM imports and every non-test dependency (so the same starters and the same
jars), and one @SpringBootApplication class with nothing else. Then, in one run and alternating
round by round, starts the bare jar and the service jar on the embedded H2 default and on MariaDB,
each --runs times, and measures from the process start to the first 200 of /actuator/health (the
service answers 200 once its start-up runners, e.g. the demo seeding, are done and it is ready).
Prints each run, the medians and the ratio service / bare per database. See bench/README.md.

  python3 bench/startup.py --runs 5                       # both databases (MariaDB needs MYSQL_URL)
  python3 bench/startup.py --runs 5 --db h2               # the embedded default only
  python3 bench/startup.py --variant "aot=-XX:AOTCache=@ROOT@/target/app/cms.aot -jar target/app/app.jar"
      # one more service side: other JVM options and/or another jar (@ROOT@ = the project directory)

MariaDB: MYSQL_URL=jdbc:mariadb://127.0.0.1:3306/cms_x MYSQL_USER=root MYSQL_PASSWORD= ; the bare jar
uses the database named in --bare-db (default: the same name with suffix _bare; create it first).
"""
import argparse
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import base64
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "startup-bench")
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
BARE_USER, BARE_PASSWORD = "bench", "bench-startup"


def java():
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", "java") if home else "java"


def bare_pom():
    """The service's pom reduced to what a bare jar with the same dependencies needs."""
    ET.register_namespace("", NS["m"])
    tree = ET.parse(os.path.join(ROOT, "pom.xml"))
    project = tree.getroot()
    keep = {"modelVersion", "parent", "properties", "dependencyManagement", "dependencies"}
    for child in list(project):
        tag = child.tag.split("}")[1]
        if tag not in keep:
            project.remove(child)
    deps = project.find("m:dependencies", NS)
    managed = project.find("m:dependencyManagement/m:dependencies", NS)
    for dep in list(deps):
        scope = dep.find("m:scope", NS)
        if scope is not None and scope.text == "test":
            # out of the jar, but still managed (test scope), as in the service's own resolution
            deps.remove(dep)
            if dep.find("m:version", NS) is not None:
                managed.append(dep)
    for tag, text in (("groupId", "bench"), ("artifactId", "bare-boot"), ("version", "1")):
        element = ET.SubElement(project, "{%s}%s" % (NS["m"], tag))
        element.text = text
    build = ET.SubElement(project, "{%s}build" % NS["m"])
    plugins = ET.SubElement(build, "{%s}plugins" % NS["m"])
    plugin = ET.SubElement(plugins, "{%s}plugin" % NS["m"])
    ET.SubElement(plugin, "{%s}groupId" % NS["m"]).text = "org.springframework.boot"
    ET.SubElement(plugin, "{%s}artifactId" % NS["m"]).text = "spring-boot-maven-plugin"
    return ET.tostring(project, encoding="unicode")


BARE_MAIN = """package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BareApplication {
    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }
}
"""


def build_bare():
    base = os.path.join(WORK, "bare")
    jar = os.path.join(base, "target", "bare-boot-1.jar")
    pom = bare_pom()
    pom_path = os.path.join(base, "pom.xml")
    if os.path.exists(jar) and os.path.exists(pom_path) and open(pom_path).read() == pom:
        return jar
    os.makedirs(os.path.join(base, "src", "main", "java", "bench"), exist_ok=True)
    with open(pom_path, "w") as f:
        f.write(pom)
    with open(os.path.join(base, "src", "main", "java", "bench", "BareApplication.java"), "w") as f:
        f.write(BARE_MAIN)
    print("building the bare jar (offline) in", base, flush=True)
    subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-o", "-q", "-f", pom_path, "package", "-DskipTests"],
                   check=True, cwd=ROOT)
    return jar


def service_jar():
    target = os.path.join(ROOT, "target")
    jars = [j for j in os.listdir(target) if re.match(r"child-protection-cms-.*\.jar$", j)]
    if not jars:
        sys.exit("no service jar: ./mvnw -o -q package -DskipTests first")
    return os.path.join(target, sorted(jars)[-1])


def health(port, auth):
    request = urllib.request.Request("http://127.0.0.1:%d/actuator/health" % port)
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code
    except (urllib.error.URLError, OSError):
        return 0


def start(side, args):
    """Starts one side, waits for a 200 of /actuator/health; returns (seconds, Boot's own 'Started' figure)."""
    os.makedirs(side["dir"], exist_ok=True)
    log_path = os.path.join(side["dir"], "run.log")
    env = dict(os.environ)
    env.update(side["env"])
    command = [java()] + side["jvm"] + ["-jar", side["jar"]] + side["args"]
    began = time.monotonic()
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=side["dir"], env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError("%s exited with %s, see %s" % (side["name"], process.returncode, log_path))
            if health(args.port, side["auth"]) == 200:
                seconds = time.monotonic() - began
                break
            if time.monotonic() - began > args.timeout:
                raise RuntimeError("%s not ready after %d s, see %s" % (side["name"], args.timeout, log_path))
            time.sleep(0.05)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    started = None
    with open(log_path, errors="replace") as log:
        for line in log:
            m = re.search(r"Started \S+ in ([0-9.]+) seconds \(process running for ([0-9.]+)\)", line)
            if m:
                started = float(m.group(2))
    return seconds, started


def service_dir(name):
    """The service's working directory: its ./config is the project's (policy files, seeds)."""
    path = os.path.join(WORK, name)
    os.makedirs(path, exist_ok=True)
    link = os.path.join(path, "config")
    if not os.path.islink(link):
        os.symlink(os.path.join(ROOT, "config"), link)
    return path


def sides(args, bare_jar, svc_jar):
    result = []
    port = ["--server.port=%d" % args.port]
    bare_props = ["--spring.security.user.name=" + BARE_USER, "--spring.security.user.password=" + BARE_PASSWORD]
    bare_auth = BARE_USER + ":" + BARE_PASSWORD
    svc_variants = [("service", [], svc_jar)]
    for name, opts in args.variant:
        extra = shlex.split(opts)
        jar = svc_jar
        if "-jar" in extra:  # a variant may start another jar, e.g. the extracted one an AOT cache needs
            at = extra.index("-jar")
            jar = os.path.abspath(extra[at + 1])
            del extra[at:at + 2]
        svc_variants.append((name, [o.replace("@ROOT@", ROOT) for o in extra], jar))
    for db in args.db:
        if db == "h2":
            result.append(dict(name="bare h2", db=db, bare=True, jar=bare_jar, jvm=shlex.split(args.jvm),
                               args=port + bare_props, env={}, auth=bare_auth,
                               dir=os.path.join(WORK, "run-bare-h2")))
            for name, extra, jar in svc_variants:
                svc_dir = service_dir("run-svc-h2")
                result.append(dict(name=name + " h2", db=db, bare=False, jar=jar,
                                   jvm=shlex.split(args.jvm) + extra, args=port,
                                   env={}, auth=None, dir=svc_dir))
        else:
            url = os.environ.get("MYSQL_URL")
            if not url:
                sys.exit("--db mariadb needs MYSQL_URL (and MYSQL_USER, MYSQL_PASSWORD)")
            bare_url = args.bare_db or (url + "_bare")
            db_env = {"MYSQL_USER": os.environ.get("MYSQL_USER", "root"),
                      "MYSQL_PASSWORD": os.environ.get("MYSQL_PASSWORD", "")}
            result.append(dict(name="bare mariadb", db=db, bare=True, jar=bare_jar, jvm=shlex.split(args.jvm),
                               args=port + bare_props + ["--spring.datasource.url=" + bare_url,
                                                         "--spring.datasource.username=" + db_env["MYSQL_USER"],
                                                         "--spring.datasource.password=" + db_env["MYSQL_PASSWORD"]],
                               env={}, auth=bare_auth, dir=os.path.join(WORK, "run-bare-mariadb")))
            for name, extra, jar in svc_variants:
                svc_dir = service_dir("run-svc-mariadb")
                env = dict(db_env, MYSQL_URL=url, SPRING_PROFILES_ACTIVE="mysql",
                           CMS_PII_KEY=base64.b64encode(b"startup-bench-pii-key-32-bytes!!").decode(),
                           CMS_TOKEN_KEY=base64.b64encode(b"startup-bench-token-key-32bytes!").decode(),
                           # the password policy refuses one that contains the username (admin)
                           CMS_ADMIN_PASSWORD="startup-bench-pass-123")
                result.append(dict(name=name + " mariadb", db=db, bare=False, jar=jar,
                                   jvm=shlex.split(args.jvm) + extra, args=port, env=env, auth=None, dir=svc_dir))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="timed starts per side (default 5)")
    parser.add_argument("--db", default="h2,mariadb", help="h2, mariadb or both (default h2,mariadb)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "18084")))
    parser.add_argument("--jvm", default="", help="JVM options for every side, e.g. -Xshare:auto")
    parser.add_argument("--variant", action="append", default=[], type=lambda s: tuple(s.split("=", 1)),
                        help="NAME=JVM options [-jar PATH]: one more service side (e.g. with an AOT cache)")
    parser.add_argument("--jar", help="the service jar (default: target/child-protection-cms-*.jar)")
    parser.add_argument("--bare-db", help="JDBC URL of the bare jar's own database")
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first start of each side")
    args = parser.parse_args()
    args.db = [d.strip() for d in args.db.split(",") if d.strip()]

    bare_jar = build_bare()
    svc_jar = os.path.abspath(args.jar) if args.jar else service_jar()
    all_sides = sides(args, bare_jar, svc_jar)
    print("java:", subprocess.run([java(), "-version"], capture_output=True, text=True).stderr.splitlines()[0])
    print("load average before:", os.getloadavg())
    # one untimed start each: the service's first start migrates and seeds (shown, not counted)
    for side in ([] if args.no_warmup else all_sides):
        seconds, started = start(side, args)
        print("warm-up %-16s %6.1f s" % (side["name"], seconds), flush=True)
    times = {s["name"]: [] for s in all_sides}
    for run in range(args.runs):
        order = all_sides if run % 2 == 0 else list(reversed(all_sides))
        for side in order:
            try:
                seconds, started = start(side, args)
            except RuntimeError as failed:  # e.g. the database server dropped a connection: once more
                print("run %d %-16s failed (%s); starting it again" % (run + 1, side["name"], failed), flush=True)
                seconds, started = start(side, args)
            times[side["name"]].append(seconds)
            print("run %d %-16s ready %6.1f s  (Boot's 'process running for' %s s)  load %.1f"
                  % (run + 1, side["name"], seconds, started, os.getloadavg()[0]), flush=True)
    print()
    print("%-16s %8s %8s %8s   %s" % ("side", "median", "min", "max", "ratio to bare (medians)"))
    for side in all_sides:
        t = times[side["name"]]
        bare = statistics.median(times["bare " + side["db"]])
        ratio = "" if side["bare"] else "%.2f" % (statistics.median(t) / bare)
        print("%-16s %7.1fs %7.1fs %7.1fs   %s" % (side["name"], statistics.median(t), min(t), max(t), ratio))
    print("load average after:", os.getloadavg())


if __name__ == "__main__":
    main()
