using System.Globalization;
using SiteGen.Check;
using SiteGen.Diagnostics;

namespace SiteGen.Cli;

/// <summary>Runs `sitegen check`: prints what the checker found as `path:line:col: severity CODE: message` lines or JSON, and fails only on errors.</summary>
public static class CheckHandler
{
    public static int Run(CheckOptions options, string format, TextWriter output)
    {
        CheckResult result;
        try
        {
            result = SiteChecker.Run(options);
        }
        catch (SiteGenException ex)
        {
            if (format == "json") CheckJson.Write(output, [new Diagnostic(Severity.Error, ex.Code, ex.File ?? "sitegen", 0, 0, ex.Message, ex.Hint)], null);
            else ConsoleReporter.Error(ex);
            return ExitCodes.Failed;
        }

        if (format == "json")
        {
            CheckJson.Write(output, result.Diagnostics, result);
        }
        else
        {
            foreach (var d in result.Diagnostics) output.WriteLine(d.ToString());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"checked {result.ReportsChecked} reports{(result.OutputChecked ? $" and {result.PagesChecked} built pages" : "")}: {result.Errors} error(s), {result.Warnings} warning(s), {result.Infos} info"));
        }
        return result.Passed ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
