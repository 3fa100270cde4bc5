using SiteGen.Cli;

return SitegenCommand.Run(args);
