#include "dictionary.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "errors.h"

namespace zcli {

std::vector<unsigned char> loadDictionaryFile(const std::string& path, unsigned long long maxSize) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw FatalError(31, "Stat failed on dictionary file " + path + ": " + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) throw FatalError(32, "Dictionary " + path + " must be a regular file.");
    if (static_cast<unsigned long long>(st.st_size) > maxSize)
        throw FatalError(34, "Dictionary file " + path + " is too large (> " + std::to_string(maxSize) + " bytes)");
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw FatalError(33, "Couldn't open dictionary " + path + ": " + std::strerror(errno));
    std::vector<unsigned char> data(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::read(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = n < 0 ? errno : EIO;
            ::close(fd);
            throw FatalError(35, "Error reading dictionary file " + path + ": " + std::strerror(err));
        }
        done += static_cast<size_t>(n);
    }
    ::close(fd);
    return data;
}

}  // namespace zcli
