@echo off
rem Headless CLI of Counterweight on Windows: inspect, train, compare, bench; `gui [DATA|RUN_DIR]` opens the
rem window instead. The twin of bin/counterweight:
rem builds the jar on first use, and again when the sources are newer than it, with the same Maven profile
rem as the last build (target\counterweight.profile, written by Maven). COUNTERWEIGHT_PROFILE=cpu or cuda
rem chooses the profile (and rebuilds if the jar was built with the other one). Needs Java 17 and Maven
rem (mvn.cmd) on the PATH; PowerShell (part of Windows 10/11) compares the file times.
setlocal EnableExtensions DisableDelayedExpansion

for %%I in ("%~dp0..") do set "ROOT=%%~fI"
set "JAR=%ROOT%\target\counterweight.jar"
set "PROFILE_FILE=%ROOT%\target\counterweight.profile"

set "BUILT="
if exist "%PROFILE_FILE%" for /f "usebackq eol=# tokens=1" %%L in ("%PROFILE_FILE%") do set "BUILT=%%L"
set "PROFILE=cpu"
if defined BUILT set "PROFILE=%BUILT%"
if defined COUNTERWEIGHT_PROFILE set "PROFILE=%COUNTERWEIGHT_PROFILE%"
if /i "%PROFILE%"=="cpu" goto :profile_ok
if /i "%PROFILE%"=="cuda" goto :profile_ok
>&2 echo counterweight: COUNTERWEIGHT_PROFILE must be cpu or cuda, not '%PROFILE%'
exit /b 2
:profile_ok

if not exist "%JAR%" goto :build
if not exist "%ROOT%\target\lib\" goto :build
if /i not "%BUILT%"=="%PROFILE%" goto :build
rem Exit code 1 when a file under src\main, fxml or assets, or pom.xml, is newer than the jar.
powershell -NoProfile -NonInteractive -Command "$jar = (Get-Item -LiteralPath $env:JAR).LastWriteTimeUtc; $newer = @(Get-ChildItem -LiteralPath (Join-Path $env:ROOT 'src\main'),(Join-Path $env:ROOT 'fxml'),(Join-Path $env:ROOT 'assets') -Recurse -File) + @(Get-Item -LiteralPath (Join-Path $env:ROOT 'pom.xml')) | Where-Object { $_.LastWriteTimeUtc -gt $jar } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }"
if errorlevel 1 goto :build
goto :run

:build
>&2 echo counterweight: building the jar [mvn -P%PROFILE% package, tests skipped]...
set "LOG=%TEMP%\counterweight-build-%RANDOM%%RANDOM%.log"
pushd "%ROOT%"
call mvn -q -B "-P%PROFILE%" -DskipTests package > "%LOG%" 2>&1
set "RC=%ERRORLEVEL%"
popd
if "%RC%"=="0" goto :built
type "%LOG%" 1>&2
del "%LOG%" 2>nul
>&2 echo counterweight: the build failed [see above]
exit /b 1
:built
del "%LOG%" 2>nul

:run
rem gui: the window's launcher from the same jar (its classpath holds JavaFX), with the remaining arguments.
rem REST is %* without its first word (gui and one space), set before delayed expansion is on so that a "!"
rem in an argument survives, and expanded with !REST:~4! after it is on so that a quoted "&" or "^" stays text.
set "GUI="
set "REST="
if not "%~1"=="gui" goto :gui_checked
set "GUI=1"
set REST=%*
:gui_checked
rem OpenMP workers sleep instead of spinning at barriers (docs/performance.md); read once, before the JVM starts.
if not defined OMP_WAIT_POLICY set "OMP_WAIT_POLICY=PASSIVE"
rem ND4J keeps arrays off-heap; javacpp's limits keep a big run from eating the machine.
if not defined COUNTERWEIGHT_JAVA_OPTS set "COUNTERWEIGHT_JAVA_OPTS=-Xmx4g -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G"

rem The window's collector: Shenandoah collects concurrently, so the FX thread never stops for more than a few
rem ms; builds without it (Oracle's) keep G1 with a 30 ms pause goal. A collector named in
rem COUNTERWEIGHT_JAVA_OPTS wins. Measured in docs/reliability.md ("A responsive window").
set "GC="
if not defined GUI goto :gc_chosen
set "GC=-XX:MaxGCPauseMillis=30"
echo.%COUNTERWEIGHT_JAVA_OPTS%| findstr /r /c:"-XX:+Use[A-Za-z0-9]*GC" >nul && set "GC=" && goto :gc_chosen
java -XX:+UseShenandoahGC -version >nul 2>&1 && set "GC=-XX:+UseShenandoahGC"
:gc_chosen

rem A CUDA build without the NVIDIA driver: let ND4J start on the CPU backend directly instead of trying CUDA
rem first (which prints a stack trace before it falls back); BackendInfo still notes the fallback. Backend
rem priorities set by the user win.
if /i not "%PROFILE%"=="cuda" goto :java
if defined BACKEND_PRIORITY_CPU goto :java
if defined BACKEND_PRIORITY_GPU goto :java
if exist "%SystemRoot%\System32\nvcuda.dll" goto :java
set "BACKEND_PRIORITY_CPU=200"
if defined GUI goto :gui_cpu_fallback
java --add-modules jdk.incubator.vector %COUNTERWEIGHT_JAVA_OPTS% "-Dcounterweight.cuda.unusable=NVIDIA driver (nvcuda.dll) not found" -jar "%JAR%" %*
exit /b %ERRORLEVEL%
:gui_cpu_fallback
setlocal EnableDelayedExpansion
java --add-modules jdk.incubator.vector %GC% %COUNTERWEIGHT_JAVA_OPTS% "-Dcounterweight.cuda.unusable=NVIDIA driver (nvcuda.dll) not found" -cp "%JAR%" io.counterweight.app.Launcher !REST:~4!
exit /b !ERRORLEVEL!

:java
rem --add-modules: the Vector API (SIMD) that the first convolution's weight gradient uses; without it, a slower path
if defined GUI goto :gui
java --add-modules jdk.incubator.vector %COUNTERWEIGHT_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
rem the window, with the collector chosen above (Windows honours Java thread priorities without a flag)
:gui
setlocal EnableDelayedExpansion
java --add-modules jdk.incubator.vector %GC% %COUNTERWEIGHT_JAVA_OPTS% -cp "%JAR%" io.counterweight.app.Launcher !REST:~4!
exit /b !ERRORLEVEL!
