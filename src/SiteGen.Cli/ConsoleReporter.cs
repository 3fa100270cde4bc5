using SiteGen.Diagnostics;
using Spectre.Console;

namespace SiteGen.Cli;

/// <summary>The one home of Spectre.Console: diagnostics, summaries and progress, plain when the output is not a terminal.</summary>
public static class ConsoleReporter
{
    public static bool IsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Console.Error.WriteLine(d.ToString());
    }

    public static void Error(SiteGenException ex) => Console.Error.WriteLine(ex.ToString());

    /// <summary>Prints rows as a table on a terminal, as tab-separated lines otherwise.</summary>
    public static void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        if (IsInteractive)
        {
            var table = new Table();
            foreach (var h in headers) table.AddColumn(Markup.Escape(h));
            foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
            AnsiConsole.Write(table);
            return;
        }
        Console.Out.WriteLine(string.Join('\t', headers));
        foreach (var row in rows) Console.Out.WriteLine(string.Join('\t', row));
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar on a terminal, or silently otherwise.</summary>
    public static T WithProgress<T>(Func<SiteGen.Build.IBuildProgress?, T> work)
    {
        if (!IsInteractive) return work(null);
        T result = default!;
        AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx => result = work(new SpectreProgress(ctx)));
        return result;
    }

    private sealed class SpectreProgress(ProgressContext context) : SiteGen.Build.IBuildProgress
    {
        private ProgressTask? _task;

        public void Stage(string name, int total)
        {
            _task?.StopTask();
            _task = context.AddTask(name, maxValue: Math.Max(total, 1));
            if (total == 0) _task.IsIndeterminate = true;
        }

        public void Advance(int count = 1) => _task?.Increment(count);
    }
}
