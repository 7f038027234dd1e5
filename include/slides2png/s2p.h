/* slides2png: the whole public API. */
#ifndef S2P_H
#define S2P_H

#include <slides2png/s2p-error.h>
#include <slides2png/s2p-hash.h>
#include <slides2png/s2p-deck.h>
#include <slides2png/s2p-render.h>
#include <slides2png/s2p-diff.h>
#include <slides2png/s2p-version.h>

#endif
