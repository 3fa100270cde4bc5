using SiteGen.Diagnostics;
using SiteGen.Load;
using SiteGen.Model;
using SiteGen.Write;

namespace SiteGen.Build;

/// <summary>Publishes the reports' attachments beside their pages: a file whose source has the stamp the previous build recorded is that
/// build's very file (hard-linked), any other is copied from content/; files no longer attached are left out and so deleted on commit.</summary>
internal static class AttachmentFiles
{
    public static void Publish(Site site, PageCache cache, OutputPublisher publisher, DiagnosticBag diagnostics)
    {
        var attachments = site.Reports.SelectMany(r => r.Attachments).ToList();
        Parallel.ForEach(attachments, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, attachment =>
        {
            try
            {
                var fingerprint = Fingerprint(attachment);
                LiveFile? reused = null;
                if (cache.TryReuse(attachment.OutputPath, fingerprint, out var previous, out _))
                {
                    publisher.Reuse(attachment.OutputPath, previous);
                    reused = previous;
                }
                else if (publisher.Copy(attachment.OutputPath, attachment.SourcePath) != attachment.Length)
                {
                    // Its size is shown on the report page, which was rendered with the size the build found.
                    diagnostics.Error(DiagnosticCodes.ContentVanished, attachment.SourceFile, 0, 0, "the attachment changed while the site was built",
                        "do not change attachments while a build runs; run the build again");
                    return;
                }
                // A file modified this close to the build may change again within the same clock tick (git's "racy" timestamps):
                // its stamp is not trusted, so the next build copies it again.
                var racy = attachment.Stamp.ModifiedTicks >= SourceStamp.NowTicks() - LoadCache.RacyMarginTicks;
                cache.Record(attachment.OutputPath, racy ? "" : fingerprint, null, reused: reused);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(DiagnosticCodes.ContentVanished, attachment.SourceFile, 0, 0, $"cannot publish the attachment: {ex.Message}",
                    "do not move or delete attachments while a build runs; check the file's permissions");
            }
        });
    }

    /// <summary>The source file and its stamp: any change to the file (size, times, a replacement) changes it.</summary>
    private static string Fingerprint(Attachment attachment) =>
        $"attachment\u001f{attachment.SourceFile}\u001f{attachment.Stamp.Length}\u001f{attachment.Stamp.ModifiedTicks}\u001f{attachment.Stamp.ChangedTicks}\u001f{attachment.Stamp.Inode}";
}
