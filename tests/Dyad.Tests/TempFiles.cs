namespace Dyad.Tests;

/// <summary>A file in the temporary folder, deleted when disposed.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string extension, byte[] content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dyad-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}

/// <summary>A folder in the temporary folder, deleted with its content when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dyad-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
