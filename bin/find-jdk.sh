# Sourced by ./mvnw, ./promoter and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Order: an existing JAVA_HOME if it is new enough, then `java` on PATH, then the newest
# JDK under /usr/lib/jvm. Prints one clear line and fails if there is none.

promoter_read_java_major() { # $1 = path to a java binary; sets PROMOTER_JAVA_MAJOR to its feature version
  # Every JDK 9+ states its version in $JAVA_HOME/release: reading it costs nothing, while
  # asking the binary starts a JVM (0.05-0.1 s per candidate, on every launch). Shell builtins
  # only, but for readlink on a symbolic link (/usr/bin/java): each dirname or sed was a process
  # of its own, and ./promoter paid 0.06-0.09 CPU-s for some 25 of them at every start, a
  # quarter of a small classify (README, Training and classifying). It sets a variable rather
  # than printing: a caller's $(...) forks the shell, about 3 ms of CPU each on a small VM.
  local bin=$1 home line version=""
  PROMOTER_JAVA_MAJOR=""
  [ -L "$bin" ] && bin=$(readlink -f "$bin")
  home=${bin%/*}
  home=${home%/*}
  if [ -f "$home/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case $line in
        JAVA_VERSION=\"[0-9]*) version=${line#JAVA_VERSION=\"}; version=${version%%[!0-9]*}; break ;;
      esac
    done <"$home/release"
    if [ -n "$version" ]; then PROMOTER_JAVA_MAJOR=$version; return 0; fi
  fi
  PROMOTER_JAVA_MAJOR=$("$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1)
}

promoter_java_major() { # $1 = path to a java binary; prints its feature version (17, 21, 25...)
  promoter_read_java_major "$1"
  echo "$PROMOTER_JAVA_MAJOR"
}

promoter_find_jdk() { # exports JAVA_HOME; sets PROMOTER_JAVA_MAJOR to its feature version
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    promoter_read_java_major "$JAVA_HOME/bin/java"
    if [ "${PROMOTER_JAVA_MAJOR:-0}" -ge 21 ]; then return 0; fi
  fi
  if command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
    candidate=$(readlink -f "$(command -v javac)")
    candidate=${candidate%/*}
    candidate=${candidate%/*}
    promoter_read_java_major "$candidate/bin/java"
    if [ "${PROMOTER_JAVA_MAJOR:-0}" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  # callers such as mvnw run under `set -f`; globbing is needed here only
  case $- in *f*) set +f; local restore_noglob=1 ;; esac
  for candidate in /usr/lib/jvm/*/ /opt/java/*/ "$HOME"/.sdkman/candidates/java/*/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/javac" ] || continue
    promoter_read_java_major "$candidate/bin/java"
    major=$PROMOTER_JAVA_MAJOR
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -n "${restore_noglob:-}" ]; then set -f; fi
  if [ -n "$best" ]; then export JAVA_HOME="$best"; PROMOTER_JAVA_MAJOR=$best_major; return 0; fi
  echo "promoter: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm/*). Install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, and set JAVA_HOME." >&2
  return 1
}
