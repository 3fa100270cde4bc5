namespace SiteGen.Build;

/// <summary>Receives progress from a running build (the CLI shows a bar on a terminal); the engine calls it from many threads.</summary>
public interface IBuildProgress
{
    void Stage(string name, int total);
    void Advance(int count = 1);
}
