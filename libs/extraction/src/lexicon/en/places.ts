// Capitalised words that name places or peoples; a run made only of these is
// not a person ("South Korea", "New York", "Chinese").

const PLACES = `america american americans u.s us usa united states kingdom britain british england english uk
china chinese beijing taiwan taiwanese japan japanese korea korean koreans russia russian moscow india indian
pakistan iran iranian iraq iraqi syria syrian israel israeli palestinian gaza egypt saudi arabia turkey turkish
germany german berlin france french paris italy italian spain spanish mexico mexican canada canadian brazil
paraguay paraguayan cuba cuban venezuela ukraine ukrainian europe european africa african asia asian
latin middle east eastern west western north northern south southern central new york washington los angeles
chicago boston california texas florida ohio virginia carolina iowa nevada michigan wisconsin pennsylvania
georgia arizona colorado hampshire jersey york massachusetts illinois indiana kentucky tennessee alabama
mississippi louisiana arkansas missouri kansas nebraska oklahoma minnesota dakota montana wyoming idaho utah
oregon alaska hawaii maine vermont connecticut rhode island delaware maryland carolina new mexico jersey
seoul tokyo london brussels geneva kabul baghdad damascus tehran jerusalem philadelphia miami atlanta dallas
houston denver seattle francisco san diego phoenix detroit cleveland manhattan brooklyn queens bronx
hollywood dc d.c white house capitol hill wall street silicon valley afghanistan libya yemen lebanon jordan
nato un eu muslim muslims christian christians jewish catholic hispanic latino latinos black white
sunni shiite arab arabs western republican republicans democrat democrats democratic gop conservative liberal
tibet tibetan xinjiang hong kong macau philippines vietnam thailand indonesia australia australian
supreme internet web
ontario quebec nova scotia brunswick manitoba saskatchewan alberta columbia newfoundland labrador yukon
nunavut territories toronto montreal vancouver ottawa calgary edmonton winnipeg halifax`;

export const PLACE_WORDS = new Set(PLACES.split(/\s+/).filter(Boolean));
