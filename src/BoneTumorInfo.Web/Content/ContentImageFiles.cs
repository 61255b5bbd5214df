using BoneTumorInfo.Content.Pages;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace BoneTumorInfo.Web.Content;

/// <summary>
/// The files beside the pages, as the image route sees them: only a file whose real path (links
/// followed) stays inside the content folder exists. A symlink to /etc/passwd named knee.png,
/// or a linked folder leading elsewhere, is simply not there.
/// </summary>
public sealed class ContentImageFiles(string root) : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _files = new(root);

    public IFileInfo GetFileInfo(string subpath)
    {
        var relative = subpath.TrimStart('/');
        return ContentFiles.TryResolveInside(root, relative, out _) ? _files.GetFileInfo(subpath) : new NotFoundFileInfo(subpath);
    }

    /// <summary>Never a listing: images are reached by name only.</summary>
    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => _files.Watch(filter);

    public void Dispose() => _files.Dispose();
}
