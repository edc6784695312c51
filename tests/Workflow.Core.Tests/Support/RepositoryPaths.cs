namespace Workflow.Tests.Support;

/// <summary>Folders found by walking up from the test assembly's output (bin/Debug/net10.0/…); shared by the test projects.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Workflow.sln.</summary>
    public static string Root { get; } = Above("Workflow.sln");

    private static string Above(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, file)))
                return directory.FullName;
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {file}.");
    }
}
