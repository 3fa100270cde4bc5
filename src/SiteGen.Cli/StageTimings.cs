using System.Diagnostics;
using System.Globalization;
using SiteGen.Build;

namespace SiteGen.Cli;

/// <summary>Opt-in profile of a build (environment variable <c>SITEGEN_TIMINGS=1</c>): wall and CPU time per engine stage, and GC figures, printed to stderr.</summary>
public sealed class StageTimings : IBuildProgress
{
    public const string EnvironmentVariable = "SITEGEN_TIMINGS";

    private readonly List<(string Name, TimeSpan Wall, TimeSpan Cpu, long Allocated, int FullGcs, TimeSpan Pause, long PeakWorkingSet)> _stages = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly IBuildProgress? _inner;
    private string _current = "start";
    private TimeSpan _stageWall;
    private TimeSpan _stageCpu;
    private long _stageAllocated;
    private int _stageFullGcs;
    private TimeSpan _stagePause;

    public StageTimings(IBuildProgress? inner)
    {
        _inner = inner;
        _stageCpu = Process.GetCurrentProcess().TotalProcessorTime;
        _stageAllocated = GC.GetTotalAllocatedBytes();
    }

    public static bool Enabled => Environment.GetEnvironmentVariable(EnvironmentVariable) is "1" or "true";

    public void Stage(string name, int total)
    {
        Close();
        _current = name;
        _inner?.Stage(name, total);
    }

    public void Advance(int count = 1) => _inner?.Advance(count);

    private void Close()
    {
        var wall = _clock.Elapsed;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var fullGcs = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        // The process's peak so far: the first stage whose figure jumps is the one that set the peak.
        _stages.Add((_current, wall - _stageWall, cpu - _stageCpu, allocated - _stageAllocated, fullGcs - _stageFullGcs, pause - _stagePause, process.PeakWorkingSet64));
        (_stageWall, _stageCpu, _stageAllocated, _stageFullGcs, _stagePause) = (wall, cpu, allocated, fullGcs, pause);
    }

    /// <summary>Prints one line per stage (the last one ends when the build returns) and the process totals.</summary>
    public void Report(TextWriter writer)
    {
        Close();
        var startup = DateTime.Now - Process.GetCurrentProcess().StartTime - _clock.Elapsed;
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(inv, $"timings: process start → build start {startup.TotalSeconds:F3} s"));
        foreach (var (name, wall, cpu, allocated, fullGcs, pause, peak) in _stages)
            writer.WriteLine(string.Create(inv, $"timings: {name,-12} wall {wall.TotalSeconds,7:F3} s  cpu {cpu.TotalSeconds,7:F3} s  allocated {allocated / 1048576.0,8:F1} MiB  gc pause {pause.TotalSeconds,6:F3} s ({fullGcs} full)  peak {peak / 1048576.0,6:F0} MiB"));
        var process = Process.GetCurrentProcess();
        writer.WriteLine(string.Create(inv,
            $"timings: gc gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalSeconds:F3} s, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB, peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB, threads {Environment.ProcessorCount} cores"));
        // Methods compiled at run time: those without precompiled (ReadyToRun) code, and hot ones compiled again optimised.
        writer.WriteLine(string.Create(inv,
            $"timings: jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F3} s"));
    }
}
