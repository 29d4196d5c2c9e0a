package org.weiquan.api.petition;

/** How a petition (信访) reached the union. */
public enum PetitionChannel {
    /** The 12351 union hotline. */
    HOTLINE_12351,
    /** A letter (来信). */
    LETTER,
    /** A visit in person (来访); more than a few visitors together make a collective visit. */
    VISIT,
    /** The online petition platform (网上信访). */
    ONLINE
}
