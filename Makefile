# Convenience wrapper over CMake for packagers used to `make install`.
#   make                      build (Release) in $(BUILD_DIR)
#   make install PREFIX=/usr  build, then install under $(DESTDIR)$(PREFIX)
#   make uninstall            remove what the last install put in place
#   make check                the whole test suite (scripts/test.sh, as CI)
PREFIX ?= /usr/local
BUILD_DIR ?= build
CMAKE ?= cmake
CMAKE_ARGS ?=

.PHONY: all install uninstall check clean

all:
	$(CMAKE) -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_ARGS)
	$(CMAKE) --build $(BUILD_DIR) -j $$(nproc)

install: all
	DESTDIR=$(DESTDIR) $(CMAKE) --install $(BUILD_DIR) --prefix $(PREFIX)

uninstall:
	DESTDIR=$(DESTDIR) $(CMAKE) -DMANIFEST=$(BUILD_DIR)/install_manifest.txt -P cmake/uninstall.cmake

check:
	bash scripts/test.sh

clean:
	rm -rf $(BUILD_DIR)
