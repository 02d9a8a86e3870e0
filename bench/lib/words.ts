// Word lists for the synthetic corpus. Function words come first, roughly in English frequency
// order, so a Zipf draw over the whole vocabulary gives text with a realistic shape: many
// stopwords, a long tail of content words.

export const FUNCTION_WORDS = `the of and to a in that is was he for it with as his on be at by i this had not are but from or
have an they which one you were her all she there would their we him been has when who will more no if
out so what up its about into than them can only other some could these then do any my now such like our
over me even most made after also did many before must through back where much your way well down should
because each just those how too very make still own see long get here between both being under never day
same another know while last might us off come since against go came right used take three however again
never why far less yet few both around always every without until upon whether though although often
nothing something everything anyone someone nobody everyone enough already almost perhaps rather quite`;

// News-ish content vocabulary; the tail of the Zipf distribution is derived from it (see corpus.ts).
export const CONTENT_WORDS = `people government president country year state minister official police court law
party election vote campaign policy security military war peace talks agreement deal trade economy market
price prices tax budget bank money growth jobs workers union company business industry energy oil gas power
climate water health hospital doctors patients vaccine school students teachers children families women men
community city town village region border army troops attack violence crisis refugees migrants rights human
freedom press media journalists report reports statement public national international foreign domestic
leader leaders opposition parliament congress senate council committee commission ministry department agency
office spokesman spokeswoman director chief executive chairman secretary ambassador embassy mayor governor
judge lawyer prosecutors investigation evidence trial case charges sentence prison crime victims safety
support help plan plans future change reform reforms system process decision decisions question questions
issue issues problem problems situation progress efforts measures steps action actions response pressure
concern concerns interest interests relations relationship cooperation partnership dialogue negotiations
sanctions strategy approach priority priorities challenge challenges opportunity opportunities risk risks
impact effect effects result results level levels number numbers percent million billion thousands hundreds
week weeks month months today yesterday tomorrow morning night time times period moment history record
world region area areas land sea coast river mountain island north south east west central local global
important clear difficult serious significant major critical strong weak good bad better worse best worst
new old young big small large high low full open free fair equal safe real true false wrong right possible
political economic social financial military legal moral cultural historical strategic democratic
responsible necessary available unprecedented extraordinary essential fundamental particular special
believe think know want need hope expect understand remember feel say tell ask answer explain agree
disagree accept reject support oppose continue start begin end stop keep hold leave stay return move
build create develop improve increase reduce cut raise protect defend fight win lose face deal work try
meet discuss consider decide choose follow lead allow prevent avoid ensure provide offer receive bring
punished expressing expressions mind voice opinion opinions speech views view idea ideas truth lie lies
candid mistake mistakes bilateral agenda advance fast grateful proud sorry happy angry worried surprised
confident committed determined ready willing able unable trying working looking waiting fighting building
government's country's people's nation nations citizens voters members partners allies neighbors friends
enemy enemies threat threats terror terrorism extremism corruption fraud scandal crisis debt deficit
inflation unemployment poverty wealth income wages pensions housing rent food farmers land drought flood
storm earthquake fire disaster emergency aid relief recovery reconstruction development infrastructure
roads railways airport port bridge transport traffic cars technology internet data privacy surveillance
science research university study studies scientists experts analysts observers critics supporters
fans players team match game season league coach championship victory defeat goal goals score
film music art artist book books writer culture church religion faith god prayer mosque temple
family father mother son daughter brother sister wife husband friend life death dead killed injured
wounded missing arrested detained released freed accused convicted sentenced charged jailed`;

export const FIRST_NAMES = `James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard
Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa Matthew Margaret Anthony Betty
Mark Sandra Donald Ashley Steven Dorothy Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle Kevin Carol
Brian Amanda George Melissa Edward Deborah Ronald Stephanie Timothy Rebecca Jason Laura Jeffrey Sharon Ryan
Cynthia Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna Larry Brenda Justin
Pamela Scott Nicole Brandon Emma Benjamin Samantha Samuel Katherine Gregory Christine Frank Debra Alexander
Rachel Raymond Catherine Patrick Carolyn Jack Janet Dennis Ruth Jerry Maria Tyler Heather Aaron Diane Jose
Virginia Adam Julie Henry Joyce Nathan Victoria Douglas Olivia Zachary Kelly Peter Christina Kyle Lauren
Walter Joan Ethan Evelyn Jeremy Judith Harold Megan Keith Cheryl Christian Andrea Roger Hannah Noah Martha
Gerald Jacqueline Carl Frances Terry Gloria Sean Ann Austin Teresa Arthur Kathryn Lawrence Sara Jesse Janice
Dylan Jean Bryan Alice Joe Madison Jordan Doris Billy Abigail Bruce Julia Albert Judy Willie Grace Gabriel
Denise Logan Amber Alan Marilyn Juan Beverly Wayne Danielle Roy Theresa Ralph Sophia Randy Marie Eugene
Diana Vincent Brittany Russell Natalie Elijah Isabella Louis Charlotte Bobby Rose Philip Alexis Johnny Kayla
Santiago Mateo Sebastian Valentina Camila Lucia Sofia Diego Carlos Javier Alejandro Miguel Luis Fernando
Ahmed Mohammed Ali Omar Hassan Fatima Aisha Layla Yusuf Ibrahim Mustafa Khalid Amina Zainab Tariq Karim
Olusegun Chinedu Ngozi Amara Kwame Kofi Ama Thabo Nomvula Sipho Wanjiru Kamau Achieng Tendai Farai
Hiroshi Yuki Haruto Sakura Kenji Aiko Takeshi Min-jun Ji-woo Seo-yeon Hyun-woo Anh Minh Linh Thanh
Raj Priya Amit Sunita Arjun Deepa Vikram Anjali Rahul Pooja Sanjay Lakshmi Ivan Olga Dmitri Natalia
Sergei Irina Pavel Tatiana Hans Greta Klaus Ingrid Pierre Camille Jean-Luc Amelie Giuseppe Francesca
Marco Giulia Lars Astrid Sven Freya Piotr Agnieszka Tomasz Katarzyna Jan Eva Mehmet Ayse Emre Zeynep`;

export const SURNAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark
Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker
Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins
Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly
Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price
Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell
Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton
Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar
Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas
Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw
Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren
Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant
Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott Cunningham
Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews
Pena Richards Contreras Willis Carpenter Lawrence Sandoval Posner Hom Stein Wang Li Zhang Liu Chen Yang Huang
Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Tang Han Feng Deng Cao Peng Zeng Xiao
Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Park Choi Jung Kang Cho Yoon
Jang Lim Shin Nguyen Pham Hoang Vu Dang Bui Do Ngo Duong Sharma Singh Kumar Gupta Reddy Iyer Nair Rao Das
Mehta Shah Khan Ahmed Hussain Rahman Hassan Abdullah Mahmoud Haddad Khoury Nasser Saleh Ibrahim Okafor
Adeyemi Mensah Owusu Mwangi Otieno Banda Dlamini Nkosi Moyo Ivanov Petrov Smirnov Kuznetsov Popov Sokolov
Muller Schneider Fischer Weber Becker Wagner Dubois Laurent Bernard Moreau Rossi Russo Ferrari Esposito
Bianchi Romano Nielsen Jensen Andersen Larsen Kowalski Nowak Wisniewski Novak Horvat Yilmaz Kaya Demir`;

// Syllables for surnames and tail words that do not exist but read as plausible.
export const ONSETS =
  'b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sh sl st str t th tr v w z'.split(
    ' ',
  );
export const NUCLEI = 'a e i o u ai ea ee ie oa ou'.split(' ');
export const CODAS = ' b ck d ft g l ll m n nd ng nt p r rd rn s sk st t th x'.split(' ');
export const SUFFIXES =
  's ed ing er ers ment ments tion tions ly ness ity al ive ist ism ous able less ful'.split(' ');

export const ROLES =
  `spokesman|spokeswoman|minister|deputy minister|foreign minister|finance minister|interior minister|
president|vice president|prime minister|governor|mayor|senator|congressman|congresswoman|ambassador|
chief executive|chairman|chairwoman|director|managing director|general secretary|secretary general|
professor|analyst|economist|researcher|lawyer|attorney|prosecutor|judge|police chief|commander|general|
colonel|activist|campaigner|union leader|party leader|opposition leader|coach|striker|captain|editor|
correspondent|founder|chief economist|head of research|press secretary|Assistant Secretary of State`
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

export const ORG_KINDS =
  `Ministry of Finance|Ministry of Foreign Affairs|Ministry of Health|Ministry of Defence|Central Bank|
National Assembly|Supreme Court|Electoral Commission|Human Rights Watch|Amnesty International|Red Cross|
World Bank|International Monetary Fund|United Nations|European Commission|African Union|Chamber of Commerce|
Federation of Industries|Teachers Union|Farmers Association|Institute for Policy Studies|University|
Daily News|Broadcasting Corporation|Energy Company|Airlines|Football Club|Police Service|Armed Forces|
Embassy in Washington|Embassy in London|Embassy in Beijing|City Council|Port Authority|Stock Exchange`
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);

export const PLACES =
  `Kenya Nigeria Ghana Brazil Argentina Paraguay Chile Peru Mexico Canada Japan Korea China Taiwan
Vietnam India Pakistan Egypt Jordan Turkey Greece Italy Spain France Germany Poland Sweden Norway Russia
Ukraine Georgia Australia Indonesia Philippines Thailand Malaysia Colombia Ecuador Bolivia Morocco Tunisia`
    .split(/\s+/)
    .filter(Boolean);

export const CJK =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤寶東明华国建平志文伟强军敏静丽海涛';
