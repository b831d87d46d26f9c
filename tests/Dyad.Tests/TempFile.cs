namespace Dyad.Tests;

/// <summary>A file in the temporary folder, deleted when disposed.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string extension, byte[] content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dyad-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
