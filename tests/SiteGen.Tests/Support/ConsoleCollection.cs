namespace SiteGen.Tests.Support;

/// <summary>Tests that redirect Console run one at a time, since Console is process-wide.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;
