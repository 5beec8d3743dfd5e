# Sourced by ./glassbox and ./run-tests: picks a Java 25 JDK (the default java here is 17).
# Order: $JAVA_HOME when it is 25 or newer, Temurin 25 where this project's machines install it,
# then any JDK 25+ under /usr/lib/jvm.
glassbox_java_version() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }
glassbox_pick_java() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    v=$(glassbox_java_version "$candidate")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then export JAVA_HOME="$candidate"; return 0; fi
  done
  echo "glassbox: needs a Java 25 JDK (found none; install Temurin 25 or set JAVA_HOME)" >&2
  return 1
}
glassbox_pick_java
