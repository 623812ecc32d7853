// Fixtures run in parallel with each other; a fixture's own tests run one after another unless it says otherwise
// (ParallelProjectsTests runs its tests at once on purpose). A fixture is [NonParallelizable] only when it shares
// state with the rest of the process or machine; each says why. Four workers, twice the cores of a small two-core
// runner: most fixtures spend much of their time waiting (loopback HTTP, a child process such as the server, node,
// dotnet or Chromium, a server-side timeout) rather than computing, and more workers mostly add contention.
// `dotnet test -- NUnit.NumberOfTestWorkers=N` overrides it.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
